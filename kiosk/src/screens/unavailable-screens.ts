export { CallbackScreen } from './CallbackScreen';
export { UnavailableScreen } from './UnavailableScreen';
