// reports rendered later
