/**
 * Fails the run on any unhandled promise rejection: a node that leaks one would crash a user's Node-RED
 * (Node's default is to exit on them).
 */
const rejections: unknown[] = [];
process.on('unhandledRejection', (reason) => {
  rejections.push(reason);
});

export const mochaHooks = {
  afterEach(): void {
    if (rejections.length > 0) {
      const reason = rejections.splice(0).map(String).join('; ');
      throw new Error(`unhandled promise rejection: ${reason}`);
    }
  },
};
