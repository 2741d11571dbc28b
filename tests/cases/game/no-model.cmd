game
