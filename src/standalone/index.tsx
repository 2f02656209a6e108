/** Webpack entry of standalone.html: the page in its root element. */
import { startStandalone } from './start-standalone';

startStandalone(document.getElementById('root')!);
