async def f(): [x async for x in y]; return 1
def f(): [x async for x in y]
