module lookout.local/healthcheck

go 1.22
