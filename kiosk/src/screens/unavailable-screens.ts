export { CallbackScreen } from './CallbackScreen';
export { ClosedScreen } from './ClosedScreen';
export { UnavailableScreen } from './UnavailableScreen';
