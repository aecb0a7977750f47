/** Where the administrators' queue dashboard (Bull Board) is mounted: the server's routes and the client's menu link. */
export const QUEUE_BOARD_PATH = '/api/admin/queues';
