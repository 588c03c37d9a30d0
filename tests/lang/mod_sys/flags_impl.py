# sys.flags field names, sys.implementation, platform constants.
import sys

names = ['debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site',
         'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated',
         'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits']
print(len(sys.flags), all(hasattr(sys.flags, n) for n in names))
print(sys.flags.debug, sys.flags.optimize, sys.flags.dev_mode, sys.flags.safe_path, sys.flags.int_max_str_digits)
print(repr(sys.flags).startswith('sys.flags(debug=0, inspect=0'), type(sys.flags).__name__)
impl = sys.implementation
print(impl.name in ('cpython', 'spindle'), impl.version == sys.version_info, type(impl.cache_tag) in (str, type(None)))
print(impl.version.major, impl.hexversion == sys.hexversion, repr(impl).startswith('namespace(name='))
print(sys.platform, sys.byteorder, sys.maxsize == 2**63 - 1, sys.maxunicode)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), type(sys.executable).__name__)
print(type(sys.prefix).__name__, type(sys.dont_write_bytecode).__name__)
print(isinstance(sys.builtin_module_names, tuple), 'sys' in sys.builtin_module_names, 'struct' in sys.modules or True)
import os
print(os.path.isabs(sys.executable), os.path.isfile(sys.executable))
