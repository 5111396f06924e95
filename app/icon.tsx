import { ImageResponse } from 'next/og';
import { markImageElement } from '@/components/brand/mark-geometry';

/** The browser-tab icon (PNG, built once at `next build`); favicon.ico beside it is the same mark. */
export const size = { width: 32, height: 32 };
export const contentType = 'image/png';

export default function Icon() {
  return new ImageResponse(markImageElement(size.width), size);
}
