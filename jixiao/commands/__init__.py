"""One module per `jixiao` sub-command: add_arguments(parser) and run(args) -> int."""
