/** Every column of the range with its header text and detected role, each role correctable. */
import { blockWidth } from '../../workbook/layout/widest-row';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { CellValue, ColumnMapping, ColumnRole } from '../../engine/types';
import { columnLetter } from '../../workbook/layout/a1';
import { cellDisplay } from '../format';
import { usePaneText } from '../pane-text';
import type { CellBlock } from '../../workbook/workbook';
import { RoleSelect } from './RoleSelect';

interface Props {
  block: CellBlock;
  headerRow: number;
  /** The header row's cells as the engine read them (a held block carries only its first rows). */
  headerCells?: readonly CellValue[];
  columns: ColumnMapping;
  disabled: boolean;
  onRoleChange: (column: number, role: ColumnRole | null) => void;
}

export function ColumnRoleTable({ block, headerRow, headerCells: read, columns, disabled, onRoleChange }: Props) {
  const { t } = usePaneText();
  const width = blockWidth(block);
  const headerCells = headerRow > 0 ? block.values[headerRow - block.top] ?? read ?? [] : [];
  const roleOf = new Map<number, ColumnRole>();
  for (const [role, column] of Object.entries(columns) as [ColumnRole, number][]) roleOf.set(column, role);

  return (
    <Table size="extra-small" aria-label={t('setup.columns')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: '3em' }}>{t('setup.column')}</TableHeaderCell>
          <TableHeaderCell>{t('setup.header')}</TableHeaderCell>
          <TableHeaderCell>{t('setup.role')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {Array.from({ length: width }, (_, column) => {
          const letter = columnLetter(block.left + column);
          const header = cellDisplay(headerCells[column]);
          return (
            <TableRow key={column}>
              <TableCell>{letter}</TableCell>
              <TableCell>{header}</TableCell>
              <TableCell>
                <RoleSelect
                  label={t('setup.roleFor', { column: letter, header: header || '—' })}
                  role={roleOf.get(column) ?? null}
                  disabled={disabled}
                  onChange={(role) => onRoleChange(column, role)}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
