// better-sqlite3 13 is an N-API build for Node >= 22 and crashes the process under Node 20. npm scripts run
// the project's own Node 22 (devDependency "node"); say so clearly if something else started the tests.
export default function checkNodeVersion(): void {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 22) {
    throw new Error(
      `The tests need Node >= 22 (this is ${process.version}). Run them with "npm test", which uses the project's pinned Node.`,
    )
  }
}
