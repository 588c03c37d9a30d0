# The mode attribute of files opened in each mode.
import os
for m in ['rb','br','wb','ab','r+b','w+b','a+b','+rb','x+b','xb']:
    n='spindle_io_mode_'+str(os.getpid())
    if 'x' in m and os.path.exists(n): os.remove(n)
    if 'r' in m: open(n,'w').close()
    f=open(n,m); print(m, f.mode); f.close(); os.remove(n)
for m in ['r','rt','w+','a','tr', 'x']:
    n='spindle_io_mode_'+str(os.getpid()); open(n,'w').close()
    if 'x' in m: os.remove(n)
    f=open(n,m); print(m, f.mode); f.close(); os.remove(n)
