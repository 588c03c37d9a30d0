x = 'abc' f'{}' 'def'
