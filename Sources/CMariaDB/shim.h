// MariaDB Connector/C, from Debian's libmariadb-dev. errmsg.h carries the client error codes
// (2006 server gone away, 2013 lost connection) that the pool reacts to.
#include <mysql.h>
#include <errmsg.h>
