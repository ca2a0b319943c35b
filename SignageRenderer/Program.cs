// Entry point: the signage renderer service and the render preview verb.
return 0;
