// Entry point: verbs are added by the hours engine (hours …) and the door controller (run, override, status).
return 0;
