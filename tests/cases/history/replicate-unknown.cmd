history replicate johnson-leeds-2012
