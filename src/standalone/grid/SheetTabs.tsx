/**
 * The workbook's sheet tabs, as an ARIA tab list with a roving focus: Tab enters at the active
 * sheet, arrows (and Home/End) move between tabs, Enter or Space opens one (opening a large sheet
 * takes a moment, so focus alone does not). Hand-made rather than Fluent's TabList, whose focus
 * helpers add aria-hidden focusable elements that accessibility checkers flag.
 */
import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', gap: tokens.spacingHorizontalXXS, overflowX: 'auto', flexShrink: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: '3px solid transparent',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottom: `3px solid ${tokens.colorCompoundBrandStroke}` },
});

interface Props {
  sheets: readonly string[];
  active: string;
  label: string;
  onSelect: (sheet: string) => void;
}

/** Keys that move the focus along the tabs: to an index from the current one. */
const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

export function SheetTabs({ sheets, active, label, onSelect }: Props) {
  const styles = useStyles();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: number) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    tabs.current[move(at, sheets.length)]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {sheets.map((sheet, i) => {
        const selected = sheet === active;
        return (
          <button
            key={sheet}
            ref={(element) => void (tabs.current[i] = element)}
            type="button"
            role="tab"
            aria-selected={selected}
            // Roving focus: only the active tab is in the Tab order.
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => onSelect(sheet)}
            onKeyDown={(event) => onKeyDown(event, i)}
          >
            {sheet}
          </button>
        );
      })}
    </div>
  );
}
