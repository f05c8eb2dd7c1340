/**
 * The simulator as a child process of the events bench, so that its CPU is not counted as the client's: it serves
 * the bot whose public key it is given (env BENCH_BOT_PUBLIC_KEY), tells its parent its URL over IPC and stops when
 * the parent goes.
 */
import { startSimulator } from '../../simulator';

async function main(): Promise<void> {
  const simulator = await startSimulator({ bot: { username: 'bench-bot', publicKey: process.env.BENCH_BOT_PUBLIC_KEY } });
  process.send?.({ url: simulator.url });
  process.on('disconnect', () => {
    void simulator.close().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
