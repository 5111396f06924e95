import { Input, type InputProps } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

interface FormFieldProps extends InputProps {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

/** Label + input + hint/error, wired for assistive technology. */
export function FormField({ name, label, error, hint, id, ...props }: FormFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={fieldId}>{label}</Label>
      <Input id={fieldId} name={name} invalid={Boolean(error)} aria-describedby={describedBy} {...props} />
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${fieldId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
