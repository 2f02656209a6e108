/**
 * One bar across the whole run, labelled with the stage under way. It reads the run's progress
 * from its store itself, so a progress update redraws this bar alone, not the pane around it.
 */
import { Field, ProgressBar } from '@fluentui/react-components';
import { stageText } from '../../i18n/pane';
import { usePaneText } from '../pane-text';
import { overallFraction } from '../state/run-reconciliation';
import { useRunProgress, type RunProgressStore } from '../state/use-run';

interface Props {
  progress: RunProgressStore;
  cancelling: boolean;
}

export function RunProgress({ progress, cancelling }: Props) {
  const { locale, t } = usePaneText();
  const { stage, fraction } = useRunProgress(progress);
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
