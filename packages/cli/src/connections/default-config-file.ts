/** The default config file, looked up in the working directory. */
export const DEFAULT_CONFIG_FILE = 'orgport.config.json';
