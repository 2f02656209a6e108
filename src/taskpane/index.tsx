/** Webpack entry of taskpane.html: start the pane in its root element. */
import { startPane } from './start-pane';

void startPane(document.getElementById('root')!);
