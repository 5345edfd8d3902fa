# $1 python, $2 port
cd "$(dirname "$0")" && exec $1 -c "
import chunk_app, sys
chunk_app.app.run(host='127.0.0.1', port=int(sys.argv[1]), single_process=True, motd=False, access_log=False)
" $2
