import type { MetadataRoute } from 'next';

/** /manifest.webmanifest: name, colours and icons when the app is added to a home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Tenantforge',
    short_name: 'Tenantforge',
    description: 'Industry templates turned into working apps for your organization.',
    start_url: '/',
    display: 'standalone',
    background_color: '#fafafc',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icon', sizes: '32x32', type: 'image/png' },
      { src: '/apple-icon', sizes: '180x180', type: 'image/png' },
    ],
  };
}
