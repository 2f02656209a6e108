/**
 * People decide, after a run: accept or reject each suggested match, unmatch a match by its id,
 * match rows selected in Excel by hand (any N:M) or explain them as having no counterpart, with a
 * reason picked from a list or typed; and the reviewer's sign-off (复核). Every button hands one
 * decision to the pane, which runs again around it (the decision is stored with who and when, the
 * Audit log gets its line, every output is refreshed). Loaded lazily with the result.
 */
import { startTransition, useEffect, useId, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DecisionKind, SheetEdit } from '../../engine/decisions/decision';
import type { Side } from '../../engine/types';
import type { PaneMessageId } from '../../i18n/pane';
import type { SignOff } from '../../workbook/layout/recon-state';
import type { CellBlock, Workbook } from '../../workbook/workbook';
import { groupOriginOf, type GroupSummary, type RunSummary } from '../engine/engine-client';
import { formatAmount } from '../format';
import { usePaneText } from '../pane-text';
import { addRows, rowsOfSelection } from '../state/selected-rows';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  group: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Reasons offered in the list (the user may type any other). */
const REASONS: readonly PaneMessageId[] = ['decide.reason.bankCharge', 'decide.reason.split', 'decide.reason.timing', 'decide.reason.otherAccount', 'decide.reason.correction'];

export interface DecidedSide {
  side: Side;
  block: CellBlock;
  headerRow: number;
}

interface Props {
  workbook: Workbook;
  summary: RunSummary;
  sides: DecidedSide[];
  /** Who decides; empty: the buttons wait for a name. */
  user: string;
  disabled: boolean;
  /** The sign-off standing in the workbook now, if any. */
  standingSignOff: SignOff | null;
  onDecide: (edit: SheetEdit) => void;
  onSignOff: () => void;
}

export default function DecisionsPanel({ workbook, summary, sides, user, disabled, standingSignOff, onDecide, onSignOff }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const reasonListId = useId();
  const [chosen, setChosen] = useState<Record<Side, number[]>>({ ledger: [], bank: [] });
  const [reason, setReason] = useState('');
  const [unmatchId, setUnmatchId] = useState('');
  const [problem, setProblem] = useState<{ id: PaneMessageId; params?: Record<string, string> } | null>(null);
  const named = user.trim() !== '';
  const off = disabled || !named;

  const decide = (kind: DecisionKind, rows: Partial<Record<Side, number[]>>, extra: Partial<SheetEdit> = {}) => {
    setProblem(null);
    onDecide({ kind, ledgerRows: rows.ledger ?? [], bankRows: rows.bank ?? [], reason: reason.trim(), by: user.trim(), at: new Date().toISOString(), source: 'pane', ...extra });
  };

  const addSelection = async () => {
    setProblem(null);
    try {
      const picked = rowsOfSelection(await workbook.selectedAddress(), sides);
      if ('problem' in picked) setProblem({ id: picked.problem === 'header' ? 'decide.rows.header' : 'decide.rows.outside' });
      else setChosen((c) => ({ ...c, [picked.side]: addRows(c[picked.side], picked.rows) }));
    } catch {
      setProblem({ id: 'decide.rows.outside' });
    }
  };

  const rowsDecision = (kind: 'manual' | 'explained') => {
    if (reason.trim() === '') return setProblem({ id: 'decide.reason.needed' });
    if (kind === 'manual' && (chosen.ledger.length === 0 || chosen.bank.length === 0)) return setProblem({ id: 'decide.matchNeedsBoth' });
    decide(kind, chosen);
    setChosen({ ledger: [], bank: [] });
    setReason('');
  };

  const unmatch = () => {
    const id = unmatchId.trim().toUpperCase();
    const origin = groupOriginOf(summary, id);
    if (origin === undefined) return setProblem({ id: 'decide.unmatch.unknown', params: { id } });
    if (origin === 'suggested') return setProblem({ id: 'decide.unmatch.suggested', params: { id } });
    decide('unmatch', {}, { matchId: id, reason: reason.trim() });
    setUnmatchId('');
  };

  const listed = summary.suggestions ?? NO_SUGGESTIONS;
  const suggestions = useProgressive(listed);
  const suggestedCount = countSuggested(summary);
  const rowsText = (rows: number[]) => rows.join(', ') || '—';
  const groupText = (g: GroupSummary) =>
    t('decide.group', { id: g.id, ledger: rowsText(g.ledgerRows), ledgerTotal: formatAmount(g.ledgerTotal), bank: rowsText(g.bankRows), bankTotal: formatAmount(g.bankTotal), counterparty: g.counterparty || '—' });

  return (
    <div className={styles.stack}>
      {!named && <Text className={styles.hint}>{t('user.needed')}</Text>}

      <Text weight="semibold">{t('decide.suggestions', { count: suggestedCount })}</Text>
      {listed.length === 0 && <Text size={200}>{t('decide.noSuggestions')}</Text>}
      <div role="list" aria-label={t('decide.suggestions', { count: suggestedCount })} className={styles.stack}>
        {suggestions.map((g) => (
          <div role="listitem" key={g.id} className={styles.group}>
            <Text size={200}>{groupText(g)}</Text>
            <Button size="small" disabled={off} aria-label={t('decide.acceptFor', { id: g.id })} onClick={() => decide('accept', {}, { matchId: g.id })}>
              {t('decide.accept')}
            </Button>
            <Button size="small" disabled={off} aria-label={t('decide.rejectFor', { id: g.id })} onClick={() => decide('reject', {}, { matchId: g.id })}>
              {t('decide.reject')}
            </Button>
          </div>
        ))}
      </div>
      {suggestedCount > listed.length && <Text size={200}>{t('decide.suggestionsMore', { shown: listed.length })}</Text>}

      <div className={styles.row}>
        <Field label={t('decide.unmatch.label')}>
          <Input value={unmatchId} disabled={off} placeholder="M12" onChange={(_, data) => setUnmatchId(data.value)} />
        </Field>
        <Button disabled={off || unmatchId.trim() === ''} onClick={unmatch}>
          {t('decide.unmatch.button')}
        </Button>
      </div>

      <Text weight="semibold">{t('decide.rows.title')}</Text>
      <Text size={200} className={styles.hint}>
        {t('decide.rows.hint')}
      </Text>
      <div className={styles.row}>
        <Button disabled={off} onClick={() => void addSelection()}>
          {t('decide.rows.add')}
        </Button>
        <Button disabled={off || chosen.ledger.length + chosen.bank.length === 0} onClick={() => setChosen({ ledger: [], bank: [] })}>
          {t('decide.rows.clear')}
        </Button>
      </div>
      <Text role="status">{t('decide.rows.chosen', { ledger: rowsText(chosen.ledger), bank: rowsText(chosen.bank) })}</Text>
      <Field label={t('decide.reason.label')}>
        <Input value={reason} disabled={off} list={reasonListId} onChange={(_, data) => setReason(data.value)} />
      </Field>
      <datalist id={reasonListId}>
        {REASONS.map((id) => (
          <option key={id} value={t(id)} />
        ))}
      </datalist>
      <div className={styles.row}>
        <Button disabled={off || chosen.ledger.length + chosen.bank.length === 0} onClick={() => rowsDecision('manual')}>
          {t('decide.match')}
        </Button>
        <Button disabled={off || chosen.ledger.length + chosen.bank.length === 0} onClick={() => rowsDecision('explained')}>
          {t('decide.explain')}
        </Button>
      </div>
      {problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(problem.id, problem.params)}</MessageBarBody>
        </MessageBar>
      )}

      <Text weight="semibold">{t('review.title')}</Text>
      <Text size={200}>{standingSignOff ? t('review.standing', { by: standingSignOff.by, at: standingSignOff.at }) : t('review.none')}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={off} onClick={onSignOff}>
          {t('review.button')}
        </Button>
      </div>
    </div>
  );
}

const NO_SUGGESTIONS: GroupSummary[] = [];

/** Rows of a list added to the page at a time (each with two buttons): a commit of them is a short task. */
const LIST_STEP = 25;

/**
 * The first LIST_STEP items of `items` at once, then LIST_STEP more per task until all are drawn: a
 * run's 200 suggestions committed in one go were a task of 100-500 ms on a loaded machine.
 */
function useProgressive<T>(items: readonly T[]): readonly T[] {
  const [drawn, setDrawn] = useState({ items, count: LIST_STEP });
  const count = drawn.items === items ? drawn.count : LIST_STEP;
  useEffect(() => {
    if (drawn.items !== items) {
      setDrawn({ items, count: LIST_STEP });
      return;
    }
    if (count >= items.length) return;
    const next = setTimeout(() => startTransition(() => setDrawn((d) => (d.items === items ? { items, count: d.count + LIST_STEP } : d))), 0);
    return () => clearTimeout(next);
  }, [items, drawn, count]);
  return count >= items.length ? items : items.slice(0, count);
}

/** Suggested groups in the run (the summary counts them; the list may be cut at MAX_SUGGESTIONS). */
function countSuggested(summary: RunSummary): number {
  return summary.suggestedCount ?? summary.suggestions?.length ?? 0;
}
