import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * "Cévennes": chestnut-forest greens and limestone greys. Contrast checked
 * against WCAG AA: white on green.7 (primary filled buttons) is 5.7:1, stone.6
 * (dimmed text, placeholders) on white is 5.5:1. Mantine's defaults fail AA
 * for both (blue.6 3.6:1, gray.5 placeholder 2.1:1).
 */
const cevennes: MantineColorsTuple = [
  '#eef6f0', '#d8ebdd', '#b3d7bd', '#8bc29b', '#69af7e',
  '#4f9d67', '#3c8a55', '#2f7446', '#255f39', '#1a4a2b',
];

/** Warm limestone greys replace Mantine's cool gray everywhere (borders, backgrounds, dimmed text). */
const stone: MantineColorsTuple = [
  '#f7f6f3', '#eceae4', '#dcd8cf', '#c6c0b4', '#aaa396',
  '#8c8578', '#6e685c', '#57524a', '#403c36', '#2a2724',
];

/** Schist/ochre accent for secondary badges. */
const ochre: MantineColorsTuple = [
  '#fbf4e9', '#f3e4cc', '#e7c99a', '#dbac65', '#d1953b',
  '#b97d24', '#9a661b', '#7d5216', '#5f3e11', '#422b0c',
];

/**
 * Darker reds: Mantine's red.6 (error text, #fa5252) is 3.3:1 on white. Here
 * every shade from 6 up is at least 5.4:1, so error messages, red buttons and
 * "red.8" menu items pass AA whichever shade a page picks.
 */
const red: MantineColorsTuple = [
  '#fff0f0', '#ffdede', '#ffbcbc', '#f99595', '#f06f6f',
  '#e04848', '#c92a2a', '#b02525', '#9b1f1f', '#7f1a1a',
];

export const theme = createTheme({
  // People who ask their system for less motion get no animations (WCAG 2.3.3); it also keeps screenshots and axe checks stable.
  respectReducedMotion: true,
  primaryColor: 'cevennes',
  primaryShade: { light: 7, dark: 5 },
  colors: { cevennes, stone, gray: stone, ochre, red },
  autoContrast: true,
  focusRing: 'auto',
  defaultRadius: 'md',
  black: '#2a2724',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // Mantine's focus placeholder is a focusable role="presentation" div inside role="menu" (axe
    // aria-required-children); without it the first item takes the focus, as the ARIA menu pattern says.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    // A badge is never cut (« INVI… » in a squeezed table column): its text wraps between words instead
    // of ending in an ellipsis, so a narrow column or a 360 px card grows in height, not out of sight.
    Badge: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', overflow: 'visible', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'normal', lineHeight: 1.25, paddingBlock: 2 },
      },
    },
    // Long labels ("Se déconnecter de tous les appareils") wrap on a 360 px phone instead of being cut off.
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 'calc(0.375rem * var(--mantine-scale))' },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
      },
    },
  },
});

/** Darker placeholder and dimmed text than Mantine's defaults (AA contrast). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-body': '#ffffff',
  },
  dark: {},
});
