/** Which of the simulator's two listeners: the REST API or the registry. */
export type ServerName = 'api' | 'registry';
