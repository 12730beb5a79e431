import type { Command } from './command';
import { statusCommand } from './commands/status';
import { verifyDayCommand } from './commands/verify-day';
import { syncCommand } from './commands/sync';
import { desksCommand } from './commands/desks';

/** Every command of `npm run station -- <command>`, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [statusCommand, syncCommand, verifyDayCommand, desksCommand];
