x = rf'{'
