import { ImageResponse } from 'next/og';
import { markImageElement } from '@/components/brand/mark-geometry';

/** The home-screen icon for iOS (and the web manifest's large icon): square, iOS rounds it. */
export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  return new ImageResponse(markImageElement(size.width, { fullBleed: true }), size);
}
