import { NumberInput, type NumberInputProps } from '@mantine/core';

/** A count, a year, minutes: whole numbers only, never negative (the keyboard cannot type a sign or a decimal). */
export function WholeNumberInput(props: NumberInputProps) {
  return <NumberInput allowDecimal={false} allowNegative={false} {...props} />;
}
