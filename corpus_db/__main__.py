from corpus_db.cli import run

run()
