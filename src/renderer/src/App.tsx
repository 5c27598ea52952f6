// Placeholder until the renderer shell lands (issue 3): the app name is not translated.
export function App(): React.JSX.Element {
  return <div>Lukkha</div>
}
