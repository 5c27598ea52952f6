export const en = {
  title: 'Settings',
  subtitle: 'Your shop as it appears on screens and printed reports, and how Lukkha shows text and dates.',
  shop: {
    title: 'Your shop',
    name: 'Shop name',
    address: 'Address',
    save: 'Save shop details',
    saved: 'Shop details saved.',
  },
  logo: {
    title: 'Logo',
    hint: 'PNG, JPEG or WebP image, up to 512 KB. Shown in the menu and on printed reports.',
    choose: 'Choose an image…',
    remove: 'Remove logo',
    none: 'No logo yet.',
    alt: 'Shop logo',
    tooBig: 'This image is {{size}} KB; the limit is 512 KB.',
    wrongType: 'Use a PNG, JPEG or WebP image.',
    saved: 'Logo saved.',
  },
  display: {
    title: 'Language and dates',
    language: 'Language',
    dateStyle: 'Dates',
    buddhist: 'Buddhist era: {{example}}',
    gregorian: 'Gregorian: {{example}}',
  },
}
