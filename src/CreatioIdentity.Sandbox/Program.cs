// Replaced by the sandbox host.
return 0;
