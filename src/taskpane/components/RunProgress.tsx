/** One bar across the whole run, labelled with the stage under way. */
import { Field, ProgressBar } from '@fluentui/react-components';
import type { Stage } from '../../engine/types';
import { stageText } from '../../i18n/pane';
import { usePaneText } from '../pane-text';
import { overallFraction } from '../state/run-reconciliation';

interface Props {
  stage: Stage;
  fraction: number;
  cancelling: boolean;
}

export function RunProgress({ stage, fraction, cancelling }: Props) {
  const { locale, t } = usePaneText();
  const overall = overallFraction(stage, fraction);
  const label = cancelling
    ? t('run.cancelling')
    : t('run.progress', { stage: stageText(stage, locale), percent: Math.floor(overall * 100) });
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={overall} max={1} thickness="large" aria-label={label} />
    </Field>
  );
}
