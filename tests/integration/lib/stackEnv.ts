/** URLs of the running stack, exported by scripts/stack.sh (also written to $STACK_DIR/stack.env). */
export interface StackEnv {
  promUrl: string;
  demoUrl: string;
  demoAdminUrl: string;
}

/** Reads the stack URLs from the environment; throws a message that says how to start the stack. */
export function stackEnv(): StackEnv {
  const missing = ['PROM_URL', 'DEMO_URL', 'DEMO_ADMIN_URL'].filter((k) => !process.env[k]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: these tests need the local stack. Run them as\n` +
        `  bash scripts/stack.sh run -- npx jest -c tests/integration/jest.config.js --runInBand\n` +
        `or start it with 'bash scripts/stack.sh up' and export the variables from $STACK_DIR/stack.env.`
    );
  }
  return {
    promUrl: process.env.PROM_URL!.replace(/\/$/, ''),
    demoUrl: process.env.DEMO_URL!.replace(/\/$/, ''),
    demoAdminUrl: process.env.DEMO_ADMIN_URL!.replace(/\/$/, ''),
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
