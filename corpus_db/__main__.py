from corpus_db.cli import main

main()
