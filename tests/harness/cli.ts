/**
 * How tests and benches run `onshi-cart` as a user would, without a build: node with the tsx
 * loader in one process, so signals sent to the child reach the command itself.
 */
import path from 'node:path';

export const ONSHI_CART = { node: process.execPath, args: ['--import', 'tsx', path.resolve(__dirname, '../../main/cli/index.ts')] } as const;

/** The node arguments for `onshi-cart <args…>`. */
export const onshiCartArgs = (args: readonly string[]): string[] => [...ONSHI_CART.args, ...args];
