from trygg_cli.cli import main

main()
