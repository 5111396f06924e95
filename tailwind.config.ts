import type { Config } from 'tailwindcss';

/**
 * Theme tokens. Colors point at CSS variables defined in app/globals.css for the
 * light and dark themes, so components use semantic names (bg-surface, text-muted).
 * Loaded by Tailwind 4 through `@config` in app/globals.css.
 */
const token = (name: string) => `rgb(var(--${name}) / <alpha-value>)`;

export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      colors: {
        background: token('background'),
        foreground: token('foreground'),
        surface: token('surface'),
        muted: token('muted'),
        border: token('border'),
        primary: { DEFAULT: token('primary'), foreground: token('primary-foreground') },
        accent: token('accent'),
        danger: { DEFAULT: token('danger'), foreground: token('danger-foreground') },
        success: token('success'),
        ring: token('ring'),
      },
      borderRadius: { lg: '0.75rem', md: '0.5rem', sm: '0.375rem' },
      fontFamily: {
        sans: ['ui-sans-serif', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'monospace'],
      },
      keyframes: {
        'fade-in': { from: { opacity: '0' }, to: { opacity: '1' } },
        'slide-up': { from: { opacity: '0', transform: 'translateY(8px)' }, to: { opacity: '1', transform: 'none' } },
      },
      animation: { 'fade-in': 'fade-in 150ms ease-out', 'slide-up': 'slide-up 200ms ease-out' },
    },
  },
} satisfies Config;
