/** Type names of the nodes outside the catalogue, apart from their code so that registering them loads none of it. */
export const EVENTS_TYPE = 'symphony-events';
export const DATAHOSE_TYPE = 'symphony-datahose';
export const MESSAGE_PARSE_TYPE = 'symphony-message-parse';
export const FORM_TYPE = 'symphony-form';
export const COMMAND_TYPE = 'symphony-command';
export const HEALTH_TYPE = 'symphony-health';
