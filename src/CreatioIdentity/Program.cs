// Replaced by the command-line host.
return 0;
