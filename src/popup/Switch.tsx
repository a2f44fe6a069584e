// An on/off setting: a checkbox with role="switch", so that its state reads as
// on or off to screen readers; the whole label is the click target.


export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Extra attributes for the input (data-* hooks for tests). */
  inputProps?: Record<`data-${string}`, string>;
}

export function Switch({ label, checked, onChange, inputProps }: SwitchProps) {
  return (
    <label class="toggle">
      <input
        {...inputProps}
        type="checkbox"
        role="switch"
        class="toggle-input"
        checked={checked}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="toggle-track" aria-hidden="true" />
      <span class="toggle-label">{label}</span>
    </label>
  );
}
