import { Input, type InputProps } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/cn';

/** What a control needs to be labelled and to carry its field's error. */
export interface FieldControlProps {
  id: string;
  invalid: boolean;
  'aria-describedby'?: string;
}

/**
 * The one layout for a labelled form control: label above, the control, then its
 * error (in the danger colour) or hint, wired with aria-describedby. Pass the control
 * as a function of `FieldControlProps`, e.g. `{(control) => <Select {...control} name="role" … />}`.
 * Errors come from `formErrorsFor(state, fields)` (lib/forms/form-state).
 */
export function Field({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  className?: string;
  children: (control: FieldControlProps) => React.ReactNode;
}) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, invalid: Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface FormFieldProps extends InputProps {
  name: string;
  label: string;
  error?: string;
  hint?: React.ReactNode;
}

/** A text input as a Field: label + input + hint/error. */
export function FormField({ name, label, error, hint, id, className, ...props }: FormFieldProps) {
  return (
    <Field id={id ?? `field-${name}`} label={label} error={error} hint={hint} className={className}>
      {(control) => <Input {...control} name={name} {...props} />}
    </Field>
  );
}
