x = br'\'
