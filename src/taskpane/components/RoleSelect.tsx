/** The role of one column, as a dropdown the user can correct. */
import { Select } from '@fluentui/react-components';
import type { ColumnRole } from '../../engine/types';
import { roleText } from '../../i18n/pane';
import { usePaneText } from '../pane-text';

/** Roles in the order a user thinks of a transaction line. */
export const ROLE_ORDER: ColumnRole[] = [
  'date',
  'amount',
  'inflow',
  'outflow',
  'direction',
  'counterparty',
  'reference',
  'description',
  'currency',
  'balance',
  'status',
];

interface Props {
  label: string;
  role: ColumnRole | null;
  disabled: boolean;
  onChange: (role: ColumnRole | null) => void;
}

export function RoleSelect({ label, role, disabled, onChange }: Props) {
  const { locale, t } = usePaneText();
  return (
    <Select
      size="small"
      aria-label={label}
      value={role ?? ''}
      disabled={disabled}
      onChange={(_, data) => onChange(data.value ? (data.value as ColumnRole) : null)}
    >
      <option value="">{t('role.none')}</option>
      {ROLE_ORDER.map((option) => (
        <option key={option} value={option}>
          {roleText(option, locale)}
        </option>
      ))}
    </Select>
  );
}
