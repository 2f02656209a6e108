/** Webpack entry of taskpane.html: start the pane in its root element. */
// First: the built-ins EdgeHTML 18 lacks, before any module that calls them is evaluated.
import './legacy-builtins';
import { startPane } from './start-pane';

void startPane(document.getElementById('root')!);
