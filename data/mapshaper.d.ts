// mapshaper ships no type declarations; only the Node API used by boundaries.ts is typed.
declare module 'mapshaper' {
  type Input = Record<string, string | Buffer | object>;
  const mapshaper: {
    applyCommands(commands: string, input?: Input): Promise<Record<string, string | Buffer>>;
  };
  export default mapshaper;
}
